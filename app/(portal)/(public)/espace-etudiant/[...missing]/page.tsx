import { notFound } from "next/navigation";

/** Any other address under the portal: its own « page introuvable », whose way out leads back to the portal. */
export default function MissingPortalPage(): never {
  notFound();
}
