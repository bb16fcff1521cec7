// Preload (`node --require ./loopback_only.cjs ...`): every TCP server this process opens listens
// on 127.0.0.1 only. The Spector mock server calls express's `app.listen(port)`, which would bind
// every interface; the project's rule is loopback only.
"use strict";
const net = require("node:net");

const LOOPBACK = "127.0.0.1";
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first === undefined || first === null || typeof first === "function") {
    // listen() / listen(callback): a random port, on loopback.
    const rest = first === undefined || first === null ? args.slice(1) : args;
    return originalListen.call(this, 0, LOOPBACK, ...rest);
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    const rest = args.slice(1);
    if (typeof rest[0] === "string") rest.shift(); // a host the caller gave is replaced
    return originalListen.call(this, Number(first), LOOPBACK, ...rest);
  }
  if (typeof first === "object" && ("port" in first || !("path" in first || "fd" in first || "_handle" in first))) {
    return originalListen.call(this, { ...first, host: LOOPBACK, ipv6Only: false }, ...args.slice(1));
  }
  // A Unix socket path or an inherited handle: not a TCP interface.
  return originalListen.apply(this, args);
};
