// The https certificates for the dev server, from ~/.office-addin-dev-certs/ (where
// `office-addin-dev-certs install` puts them), generated there when missing, incomplete or expiring.
// Generating does not trust the CA: that needs the machine's trust store, which we leave alone.
import { X509Certificate } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";

export const DEFAULT_CERT_DIR = join(homedir(), ".office-addin-dev-certs");
const FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" } as const;
const DAYS_VALID = 30;
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

export interface DevCerts {
  dir: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  /** True when this call wrote new files. */
  generated: boolean;
  /** When the localhost certificate stops being valid. */
  validTo: Date;
}

function paths(dir: string): Record<keyof typeof FILES, string> {
  return { ca: join(dir, FILES.ca), cert: join(dir, FILES.cert), key: join(dir, FILES.key) };
}

/** Why the certificates in `dir` cannot be used as they are, or undefined when they can. */
export function certProblem(dir: string, now: Date = new Date()): string | undefined {
  const files = paths(dir);
  const missing = Object.values(files).filter((file) => !existsSync(file));
  if (missing.length > 0) return `missing ${missing.join(", ")}`;
  try {
    const cert = new X509Certificate(readFileSync(files.cert));
    if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return `${files.cert} expires ${cert.validTo}`;
    if (!cert.checkIssued(new X509Certificate(readFileSync(files.ca)))) return `${files.cert} was not issued by ${files.ca}`;
  } catch (error) {
    return `cannot read the certificates: ${(error as Error).message}`;
  }
  return undefined;
}

/** Reads the dev certificates, first generating a new CA and localhost certificate if needed. */
export async function ensureDevCerts(dir: string = DEFAULT_CERT_DIR, now: Date = new Date()): Promise<DevCerts> {
  const files = paths(dir);
  const problem = certProblem(dir, now);
  if (problem !== undefined) {
    // generateCertificates writes nothing when a ca.crt is already there, so generate into an
    // empty folder and copy the complete set over whatever was left.
    const scratch = mkdtempSync(join(tmpdir(), "aimarket-certs-"));
    try {
      const fresh = paths(scratch);
      await generateCertificates(fresh.ca, fresh.cert, fresh.key, DAYS_VALID, ["localhost", "127.0.0.1"]);
      mkdirSync(dir, { recursive: true });
      for (const name of ["ca", "cert", "key"] as const) copyFileSync(fresh[name], files[name]);
      chmodSync(files.key, 0o600);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const cert = readFileSync(files.cert);
  return {
    dir,
    ca: readFileSync(files.ca),
    cert,
    key: readFileSync(files.key),
    generated: problem !== undefined,
    validTo: new Date(new X509Certificate(cert).validTo),
  };
}
