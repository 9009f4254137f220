using SupplySim.Cli.Commands;

return await SupplySimCommand.InvokeAsync(args);
