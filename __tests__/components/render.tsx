// Renders a component as the app does: inside next-intl with the French catalog (kept on a rerender).
import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import messages from "@/messages/fr.json";

function InFrench({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="fr" messages={messages} timeZone="Europe/Paris">
      {children}
    </NextIntlClientProvider>
  );
}

export function renderInFrench(ui: ReactElement) {
  return render(ui, { wrapper: InFrench });
}
