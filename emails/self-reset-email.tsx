// A new password the person asked for themselves (« Mot de passe oublié ? »). Previewable with `npm run email:preview` (default props).
import { AccessEmail, PREVIEW_PROPS, type AccessEmailProps } from "./_components/access-email-layout";

export default function SelfResetEmail(props: Partial<AccessEmailProps>) {
  return <AccessEmail purpose="self_reset" {...PREVIEW_PROPS} {...props} />;
}
