import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/**
 * The list's messages come with this layout, sent once: a search, a filter or another page of
 * results re-renders the page only, so its payload does not carry them again.
 */
export default function StudentListLayout({ children }: { children: ReactNode }) {
  return <ClientMessages group="studentList">{children}</ClientMessages>;
}
