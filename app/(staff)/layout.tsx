import type { ReactNode } from "react";
import { StaffShell } from "@/components/layout/staff-shell";
import { requireStaff } from "@/lib/auth";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  return <StaffShell staff={staff}>{children}</StaffShell>;
}
