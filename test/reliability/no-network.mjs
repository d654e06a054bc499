// Preloaded with --import: any attempt to reach the network fails loudly, so a test proves none is made.
import net from 'node:net';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';

const refuse = (what) => () => {
  process.stderr.write(`NETWORK ACCESS ATTEMPTED: ${what}\n`);
  process.exit(99);
};
net.connect = net.createConnection = refuse('net.connect');
dns.lookup = refuse('dns.lookup');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
globalThis.fetch = refuse('fetch');
