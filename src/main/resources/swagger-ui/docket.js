// Points Swagger UI at the document micronaut-openapi generates from Docket's controllers.
window.ui = SwaggerUIBundle({
  url: "/swagger/docket.yml",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"
});
