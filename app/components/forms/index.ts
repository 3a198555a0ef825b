// The portal's one form kit: the hook that checks a form, its fields, its messages and notices.
export { Form } from "react-router";
export * from "./case-form";
export * from "./error-summary";
export * from "./fields";
export * from "./filters";
export * from "./intent-form";
export * from "./notices";
export * from "./remove-button";
export * from "./set-password-form";
export * from "./use-zod-form";
