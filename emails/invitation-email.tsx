// The invitation: the first link, to activate the access. Previewable with `npm run email:preview` (default props).
import { AccessEmail, PREVIEW_PROPS, type AccessEmailProps } from "./_components/access-email-layout";

export default function InvitationEmail(props: Partial<AccessEmailProps>) {
  return <AccessEmail purpose="invitation" {...PREVIEW_PROPS} {...props} />;
}
