import { z } from "zod";
import { WEBHOOK_EVENTS } from "~/domain/webhooks";

export const apiKeyFormSchema = z.object({
  name: z.string().trim().min(1, "Name the key, e.g. after the system that will use it.").max(80, "Use at most 80 characters."),
});

/** The address is checked for its scheme on the server too (https:// in production). */
export const webhookEndpointFormSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the address we should send events to.")
    .max(2000, "Use at most 2,000 characters.")
    .url("Enter a full address, e.g. https://plan.example/imr-events."),
  description: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS), { message: "Choose at least one event." }).min(1, "Choose at least one event."),
});
export type WebhookEndpointForm = z.infer<typeof webhookEndpointFormSchema>;
