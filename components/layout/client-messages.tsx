import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_MESSAGES, pickMessages, type ClientMessagesGroup } from "@/i18n/client-messages";

/**
 * Gives the client components inside it the messages of their group only (i18n/client-messages.ts),
 * and, when given, the clock their dates are written on (a school's, instead of the request's).
 */
export async function ClientMessages({
  group,
  timeZone,
  children,
}: {
  group: ClientMessagesGroup;
  timeZone?: string;
  children: ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, CLIENT_MESSAGES[group])} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
