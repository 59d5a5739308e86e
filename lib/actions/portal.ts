"use server";
import * as portal from "./handlers/portal";

export const portalSignIn = portal.portalSignIn.serve;
export const requestNewLink = portal.requestNewLink.serve;
export const changePortalPassword = portal.changePortalPassword.serve;
export const choosePassword = portal.choosePassword.serve;
/** A form's action (it ends with a redirect): answers nothing. */
export const portalSignOut = async () => void (await portal.portalSignOut.serve(null));
