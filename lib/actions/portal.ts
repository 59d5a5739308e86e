"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { findPortalAccount } from "@/lib/data/portal-accounts";
import { endPortalSession, startPortalSession } from "@/lib/portal/session";

const ZPortalSignIn = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });

export type PortalSignInResult = { ok: true } | { ok: false; error: "required" | "invalid" | "disabled" | "unavailable" };

/** Portal sign-in: one generic message for wrong credentials; "disabled" only with the right password. */
export async function portalSignIn(input: unknown): Promise<PortalSignInResult> {
  const parsed = ZPortalSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, error: "required" };
  try {
    const account = await findPortalAccount(parsed.data.email, parsed.data.password);
    if (!account.ok) return { ok: false, error: account.reason };
    await startPortalSession({ accessId: account.accessId, sessionVersion: account.sessionVersion });
    return { ok: true };
  } catch (error) {
    console.error("[action portalSignIn] failed:", error instanceof Error ? error.message : error);
    return { ok: false, error: "unavailable" };
  }
}

export async function portalSignOut(): Promise<void> {
  await endPortalSession();
  redirect("/espace-etudiant/connexion");
}
