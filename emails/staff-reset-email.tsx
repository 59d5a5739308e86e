// A new password, sent by staff to a person whose access is active. Previewable with `npm run email:preview` (default props).
import { AccessEmail, PREVIEW_PROPS, type AccessEmailProps } from "./_components/access-email-layout";

export default function StaffResetEmail(props: Partial<AccessEmailProps>) {
  return <AccessEmail purpose="staff_reset" {...PREVIEW_PROPS} {...props} />;
}
