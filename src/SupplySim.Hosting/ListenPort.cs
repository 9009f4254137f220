using System.Net;
using System.Net.Sockets;
using SupplySim.Grains;

namespace SupplySim.Hosting;

/// <summary>Checks, before a silo starts, that a port asked for on the command line can be listened on (127.0.0.1 unless another address is given).</summary>
public static class ListenPort
{
    /// <summary>Throws <see cref="UserInputException"/> naming the flag when the port cannot be listened on at 127.0.0.1.</summary>
    public static void EnsureFree(int port, string flag) => EnsureFree(IPAddress.Loopback, port, flag);

    /// <summary>
    /// Throws <see cref="UserInputException"/> naming the flag when <paramref name="port"/> cannot be listened on at
    /// <paramref name="address"/>; <paramref name="hint"/> ends the line when the address itself is the likely mistake.
    /// </summary>
    public static void EnsureFree(IPAddress address, int port, string flag, string? hint = null)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new UserInputException($"{flag} {port}: port {port} is in use on {address}; choose another port or stop what listens there");
        }
        catch (SocketException e)
        {
            throw new UserInputException($"{flag} {port}: cannot listen on {address} port {port} ({e.Message}){(hint is null ? "" : "; " + hint)}");
        }
    }

    /// <summary>True when <paramref name="error"/> (or an exception inside it) says an address is already in use.</summary>
    public static bool IsAddressInUse(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
            if (e is HttpListenerException { ErrorCode: 98 or 48 or 10048 }) return true; // EADDRINUSE on Linux, macOS, Windows
            if (e.GetType().Name == "AddressInUseException") return true; // Kestrel's
            if (e is AggregateException a && a.InnerExceptions.Any(IsAddressInUse)) return true;
        }
        return false;
    }
}
