// The layout every portal-access email shares (invitation, reminder, the two password resets, and the
// copy to staff of any of them); each template in emails/ gives its own words. The `_components`
// folder is not listed by the react-email preview.
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import { elision, type Elision } from "../../lib/i18n/elision";
import type { Locale } from "../../lib/i18n/locales";
import { activationPath, PORTAL_SIGN_IN_PATH } from "../../lib/routes";

/** Why the email is sent: each purpose has its template and its subject. */
export type EmailPurpose = "invitation" | "reminder" | "staff_reset" | "self_reset";
export const EMAIL_PURPOSES: EmailPurpose[] = ["invitation", "reminder", "staff_reset", "self_reset"];

export type AccessEmailProps = {
  /** The recipient's language: the person's, or the staff member's on their copy. */
  locale: Locale;
  schoolName: string;
  recipientName: string;
  /** Names of the students a guardian follows; empty for a student. */
  studentNames: string[];
  activationUrl: string;
  /** Already formatted in `locale`, e.g. "2 décembre 2026 à 14:05" or "2 December 2026 at 14:05". */
  expiresAt: string;
  /** The portal's sign-in page, where the person signs in once the password is chosen. */
  signInUrl: string;
  /** Set on the copy sent to the staff member: who received the original. */
  copyOf?: { name: string; email: string };
  /**
   * Whether French elides « de » before the students' names (« la scolarité d'Anaïs »): computed from
   * the first name when not given. Given by the pre-rendered template, whose names are markers.
   */
  studentsElision?: Elision;
};

const TRANSLATORS = {
  fr: createTranslator({ locale: "fr", messages: fr, namespace: "emails" }),
  en: createTranslator({ locale: "en", messages: en, namespace: "emails" }),
};

const NAMESPACES = { invitation: "invitation", reminder: "reminder", staff_reset: "staffReset", self_reset: "selfReset" } as const;

/** The subject of the email sent for `purpose`, "[Copie] …" on the staff member's copy. */
export function accessEmailSubject(purpose: EmailPurpose, props: Pick<AccessEmailProps, "locale" | "schoolName" | "copyOf">): string {
  const t = TRANSLATORS[props.locale];
  const subject = t(`${NAMESPACES[purpose]}.subject`, { school: props.schoolName });
  return props.copyOf ? t("common.copySubject", { subject }) : subject;
}

/** "Marie, Lucas et Zoé Dupont" ("Marie, Lucas and Zoé Dupont"): also used to fill the students' slot of a pre-rendered email. */
export function listNames(names: string[], locale: Locale): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${TRANSLATORS[locale]("common.and")} ${names[names.length - 1]}`;
}

/** What the preview shows when a template is opened without props. */
export const PREVIEW_PROPS: AccessEmailProps = {
  locale: "fr",
  schoolName: "Lycée Victor-Hugo",
  recipientName: "Hélène Lefèvre",
  studentNames: [],
  activationUrl: `http://localhost:3000${activationPath("exemple-de-lien")}`,
  expiresAt: "2 décembre 2026 à 14:05",
  signInUrl: `http://localhost:3000${PORTAL_SIGN_IN_PATH}`,
};

const styles = {
  body: { backgroundColor: "#f8fafc", fontFamily: "'Segoe UI', Roboto, Helvetica, Arial, sans-serif", color: "#0f172a" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", margin: "24px auto", maxWidth: "560px", padding: "32px" },
  brand: { color: "#4338ca", fontSize: "20px", fontWeight: 700, margin: 0 },
  notice: { backgroundColor: "#eef2ff", borderRadius: "6px", color: "#312e81", fontSize: "14px", padding: "8px 12px" },
  text: { fontSize: "15px", lineHeight: "24px" },
  button: { backgroundColor: "#4338ca", borderRadius: "6px", color: "#ffffff", fontSize: "15px", fontWeight: 600, padding: "12px 20px" },
  small: { color: "#475569", fontSize: "13px", lineHeight: "20px" },
  link: { color: "#4338ca", wordBreak: "break-all" as const },
};

/** The email of one purpose, in the recipient's language: its words come from messages/<locale>.json under emails.<purpose>. */
export function AccessEmail({ purpose, ...props }: AccessEmailProps & { purpose: EmailPurpose }) {
  const { locale, schoolName, recipientName, studentNames, activationUrl, expiresAt, signInUrl, copyOf } = props;
  const t = TRANSLATORS[locale];
  const ns = NAMESPACES[purpose];
  const students = { students: listNames(studentNames, locale), studentsElision: props.studentsElision ?? elision(studentNames[0]) };
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t(`${ns}.preview`)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.brand}>
            Sésame · {schoolName}
          </Heading>
          {copyOf ? <Text style={styles.notice}>{t("common.copyNotice", { name: copyOf.name, email: copyOf.email })}</Text> : null}
          <Text style={styles.text}>{t("common.greeting", { name: recipientName })}</Text>
          <Text style={styles.text}>
            {studentNames.length
              ? t(`${ns}.introGuardian`, { school: schoolName, ...students })
              : t(`${ns}.introStudent`, { school: schoolName })}
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={activationUrl} style={styles.button}>
              {t(`${ns}.button`)}
            </Button>
          </Section>
          <Text style={styles.text}>{t(`${ns}.expiry`, { date: expiresAt })}</Text>
          <Text style={styles.small}>
            {t("common.fallback")}{" "}
            <Link href={activationUrl} style={styles.link}>
              {activationUrl}
            </Link>
          </Text>
          <Text style={styles.small}>
            {t("common.signIn")}{" "}
            <Link href={signInUrl} style={styles.link}>
              {signInUrl}
            </Link>
          </Text>
          <Hr />
          <Text style={styles.small}>{t(`${ns}.unexpected`, { school: schoolName })}</Text>
          <Text style={styles.small}>{t("common.signature", { school: schoolName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
