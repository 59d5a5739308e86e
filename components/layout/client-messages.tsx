import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_MESSAGES, pickMessages, type ClientMessagesGroup } from "@/i18n/client-messages";

/** Gives the client components inside it the messages of their group only (i18n/client-messages.ts). */
export async function ClientMessages({ group, children }: { group: ClientMessagesGroup; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, CLIENT_MESSAGES[group])}>{children}</NextIntlClientProvider>;
}
