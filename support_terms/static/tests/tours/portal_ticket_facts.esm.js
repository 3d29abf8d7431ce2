import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_ticket_facts", {
    steps: () => [
        {
            content: "The plan of the request",
            trigger: "#support_terms_ticket_plan:contains('Piano:'):contains('BASIC plan')",
        },
        {
            content: "It is urgent",
            trigger: "#support_terms_urgent .badge:contains('Urgente')",
        },
        {
            content: "Its priority",
            trigger: "#support_terms_ticket_priority:contains('Priorità:') span:not(:empty)",
        },
        {
            content: "Its coverage and what it costs",
            trigger: "#support_terms_coverage:contains('Copertura:'):contains('Extra')",
        },
        {
            content: "The cost in credits, with the credits left",
            trigger: "#support_terms_coverage_cost:contains('Costa 3 crediti; ne avete 10.')",
        },
        {
            content: "When it will be taken in charge, in the company's time zone",
            trigger: "#support_terms_deadline:contains('La prenderemo in carico entro:'):contains('Europe/Rome')",
        },
        {
            content: "When it closes without a reply",
            trigger: "div:contains('senza di essa la richiesta si chiude il:') > span:not(:empty)",
        },
    ],
});
