import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NoticeProvider } from "@/components/ui/notice";
import { StaffHeader } from "@/components/layout/staff-header";
import { requireStaff } from "@/lib/auth";
import { hasRight, RIGHTS } from "@/lib/rights";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const t = await getTranslations("access");
  return (
    <NoticeProvider closeLabel={t("close")}>
      <div className="min-h-screen">
        <StaffHeader
          name={staff.name}
          roleName={staff.roleName}
          canViewStudents={hasRight(staff, RIGHTS.viewStudent)}
          canManageReminders={hasRight(staff, RIGHTS.manageReminders)}
        />
        {children}
      </div>
    </NoticeProvider>
  );
}
