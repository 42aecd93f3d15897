// Every HX-* request header is read here, not in handlers.
export const isHtmx = (request: Request) => request.headers.get("hx-request") === "true";
