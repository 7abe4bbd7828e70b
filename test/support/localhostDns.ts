// `<anything>.localhost` resolves to 127.0.0.1 in this process (a hosts-file entry, in effect), so tests can
// give each region or the VPC endpoint its own host name (kms.cn-hangzhou.localhost, kms-vpc.…) that all
// reach the emulator on loopback. Other names resolve as before.
import dns from 'node:dns';

/** Installs the resolution; returns the function that restores dns.lookup. */
export function resolveLocalhostSubdomains(): () => void {
  const originalLookup = dns.lookup;
  (dns as { lookup: unknown }).lookup = function lookup(host: string, options: unknown, callback?: unknown) {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const opts = (typeof options === 'object' && options) || {};
    if (!/\.localhost$/.test(host)) return (originalLookup as (...args: unknown[]) => void)(host, options, callback);
    return (opts as { all?: boolean }).all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
  };
  return () => {
    (dns as { lookup: unknown }).lookup = originalLookup;
  };
}
