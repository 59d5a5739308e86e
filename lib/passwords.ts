// Password hashing with argon2id (OWASP parameters, @node-rs/argon2 defaults). Not server-only so
// the seed script can hash demo passwords; never imported by client code.
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A hash of a random string, verified against when the account does not exist, so that a wrong email
// takes as long as a wrong password and response times do not reveal which accounts exist.
const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$BGKqS5ifBk1m42ekit/ChQ$uMbCiXco0JqG8NxbW74108h7ElBFBZUt2jybbyP/gf0";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? DECOY_HASH, password);
    return matches && passwordHash !== null;
  } catch {
    return false;
  }
}
