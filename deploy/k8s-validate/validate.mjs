// Checks every object in deploy/k8s (or the files given) against the Kubernetes OpenAPI schemas that kubernetes-models
// ships, with no cluster and no network: `npm ci && node validate.mjs`. Exit code 1 when any object is invalid.
import fs from 'fs';
import path from 'path';
import * as yaml from 'js-yaml';

const here = path.dirname(new URL(import.meta.url).pathname);
const k8s = path.join(here, '..', 'k8s');
const files = process.argv.length > 2 ? process.argv.slice(2)
  : fs.readdirSync(k8s).filter(f => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort().map(f => path.join(k8s, f));
let valid = 0, invalid = 0;
for (const file of files) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
    const model = await import(`kubernetes-models/${doc.apiVersion}/${doc.kind}`);
    try {
      new (model[doc.kind] ?? model.default)(doc).validate();
      valid++;
      console.log(`ok       ${path.basename(file)}: ${doc.kind}/${doc.metadata.name}`);
    } catch (e) {
      invalid++;
      console.log(`INVALID  ${path.basename(file)}: ${doc.kind}/${doc.metadata.name}: ${e.message}`);
    }
  }
}
console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
