ALTER TABLE "accounts" ADD COLUMN "email_verified" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Accounts made by LTI launches carry the LMS's e-mail claim, which nobody vouches for.
UPDATE "accounts" SET "email_verified" = false WHERE "issuer" IN (SELECT "issuer" FROM "lti_platforms");
