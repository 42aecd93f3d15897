// The LTI 1.3 claim names and the roles we map (IMS LTI Core 1.3, LIS v2 vocabulary).
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  /** Assignment and Grade Services: the line item scores go to, and the scopes granted */
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  /** Deep Linking response (ours) */
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  deepLinkingData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
} as const;

/** The AGS scope that lets a tool post scores (the one we ask a token for). */
export const SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

export const RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
export const DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
export const DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";
export const MESSAGE_TYPES = new Set([RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST]);

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
/** Context roles that make a user staff of the course (full URIs only). */
const STAFF_ROLES = new Set([`${MEMBERSHIP}#Instructor`, `${MEMBERSHIP}#TeachingAssistant`, `${MEMBERSHIP}/Instructor#TeachingAssistant`]);

export const isStaffRole = (roles: readonly string[]) => roles.some((r) => STAFF_ROLES.has(r));
