// Renders a component as the app does: inside next-intl with the French catalog.
import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement } from "react";
import messages from "@/messages/fr.json";

export function renderInFrench(ui: ReactElement) {
  return render(
    <NextIntlClientProvider locale="fr" messages={messages} timeZone="Europe/Paris">
      {ui}
    </NextIntlClientProvider>,
  );
}
