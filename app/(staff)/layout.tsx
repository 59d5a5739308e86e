import type { ReactNode } from "react";
import { StaffHeader } from "@/components/layout/staff-header";
import { requireStaff } from "@/lib/auth";
import { hasRight, RIGHTS } from "@/lib/rights";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  return (
    <div className="min-h-screen">
      <StaffHeader
        name={staff.name}
        roleName={staff.roleName}
        canViewStudents={hasRight(staff, RIGHTS.viewStudent)}
      />
      {children}
    </div>
  );
}
