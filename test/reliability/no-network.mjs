// Preloaded with --import: any attempt to reach the network fails loudly (exit 99 with a line on
// stderr), so a run that ends normally proves none was made.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';

const refuse = (what) =>
  function refused() {
    process.stderr.write(`NETWORK ACCESS ATTEMPTED: ${what}\n`);
    process.exit(99);
  };
net.connect = net.createConnection = refuse('net.connect');
net.Socket.prototype.connect = refuse('net.Socket#connect');
tls.connect = refuse('tls.connect');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
http2.connect = refuse('http2.connect');
dgram.createSocket = refuse('dgram.createSocket');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'reverse']) dns[name] = refuse(`dns.${name}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns.promises[name] = refuse(`dns.promises.${name}`);
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
// ESM code that imported these by name sees the refusals too.
syncBuiltinESMExports();
