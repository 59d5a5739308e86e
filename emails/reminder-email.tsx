// The reminder to a person invited (or whose link expired) who has not activated yet. Previewable with `npm run email:preview` (default props).
import { AccessEmail, PREVIEW_PROPS, type AccessEmailProps } from "./_components/access-email-layout";

export default function ReminderEmail(props: Partial<AccessEmailProps>) {
  return <AccessEmail purpose="reminder" {...PREVIEW_PROPS} {...props} />;
}
