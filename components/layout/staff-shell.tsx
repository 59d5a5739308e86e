import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NoticeProvider } from "@/components/ui/notice";
import { hasRight, RIGHTS, type StaffContext } from "@/lib/rights";
import { StaffHeader } from "./staff-header";

/** The staff app's frame: the header with what the role may open, then the page. Used by app/(staff) and by home. */
export async function StaffShell({ staff, children }: { staff: StaffContext; children: ReactNode }) {
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
