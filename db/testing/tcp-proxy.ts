import net from 'node:net';

/**
 * A TCP proxy for outage drills: forwards to a real server, and can be switched to refuse connections ("down"),
 * to accept and never answer ("hang"), or back to forwarding ("up") — without the client being recreated.
 */
export type TcpProxy = {
  port: number;
  setMode: (mode: 'up' | 'down' | 'hang') => Promise<void>;
  close: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'up' | 'down' | 'hang' = 'up';
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const handle = (client: net.Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (mode === 'hang') return; // accept, then say nothing
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer(handle);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return {
    get port() {
      return port;
    },
    setMode: async (next) => {
      // Every switch drops live connections, as a real outage or restart would.
      await stop();
      mode = next;
      if (next !== 'down') await listen();
    },
    close: stop,
  };
}
