// The activation email (French), rendered by lib/mail/render.ts. Default props make it previewable:
// `npm run email:preview`.
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { createTranslator } from "use-intl/core";
import messages from "../messages/fr.json";
import { activationPath } from "../lib/routes";

export type ActivationEmailProps = {
  schoolName: string;
  recipientName: string;
  /** Names of the students a guardian follows; empty for a student. */
  studentNames: string[];
  activationUrl: string;
  /** Already formatted, e.g. "2 décembre 2026 à 14:05". */
  expiresAt: string;
  /** Set on the copy sent to the staff member: who received the original. */
  copyOf?: { name: string; email: string };
};

const t = createTranslator({ locale: "fr", messages, namespace: "emails.activation" });

export function activationSubject(props: Pick<ActivationEmailProps, "schoolName" | "copyOf">): string {
  return t(props.copyOf ? "copySubject" : "subject", { school: props.schoolName });
}

/** "Marie, Lucas et Zoé Dupont": also used to fill the students' slot of a pre-rendered email. */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${t("and")} ${names[names.length - 1]}`;
}

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

export default function ActivationEmail({
  schoolName = "Lycée Victor-Hugo",
  recipientName = "Hélène Lefèvre",
  studentNames = [],
  activationUrl = `http://localhost:3000${activationPath("exemple-de-lien")}`,
  expiresAt = "2 décembre 2026 à 14:05",
  copyOf,
}: ActivationEmailProps) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{t("preview")}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.brand}>
            Sésame · {schoolName}
          </Heading>
          {copyOf ? <Text style={styles.notice}>{t("copyNotice", { name: copyOf.name, email: copyOf.email })}</Text> : null}
          <Text style={styles.text}>{t("greeting", { name: recipientName })}</Text>
          <Text style={styles.text}>
            {studentNames.length
              ? t("introGuardian", { school: schoolName, students: listNames(studentNames) })
              : t("introStudent", { school: schoolName })}
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={activationUrl} style={styles.button}>
              {t("button")}
            </Button>
          </Section>
          <Text style={styles.text}>{t("expiry", { date: expiresAt })}</Text>
          <Text style={styles.small}>
            {t("fallback")}{" "}
            <Link href={activationUrl} style={styles.link}>
              {activationUrl}
            </Link>
          </Text>
          <Hr />
          <Text style={styles.small}>{t("unexpected", { school: schoolName })}</Text>
          <Text style={styles.small}>{t("signature", { school: schoolName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
