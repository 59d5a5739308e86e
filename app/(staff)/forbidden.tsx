import { AccessDenied } from "@/components/errors/access-denied";

export default AccessDenied;
