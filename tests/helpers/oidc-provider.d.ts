// oidc-provider ships no types (a dev dependency, used only by the tests' OpenID Provider).
declare module "oidc-provider";
