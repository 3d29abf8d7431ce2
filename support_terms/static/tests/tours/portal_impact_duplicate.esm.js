import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_impact_duplicate", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "The form explains the impact, service down first",
            trigger:
                "#support_terms_impact_help:contains('Requests with the service down are handled first')",
        },
        {
            content: "The service is down",
            trigger: "select#impact",
            run: "select service_down",
        },
        {
            content: "Write the subject",
            trigger: "input[name='subject']",
            run: "edit Il sito non si apre",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit Errore 500 su tutte le pagine.",
        },
        {
            content: "Send the request",
            trigger: "button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The open request about the same problem is shown",
            trigger: "#support_terms_similar_requests a:contains('Il sito non si apre')",
        },
        {
            content: "What was written is kept",
            trigger: "select#impact:has(option[value='service_down']:selected)",
        },
        {
            content: "The subject is kept too",
            trigger: "input[name='subject'][value='Il sito non si apre']",
        },
        {
            content: "It is a different problem",
            trigger: "input#support_not_duplicate",
            run: "click",
        },
        {
            content: "Send it anyway",
            trigger: "button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new request shows its impact",
            trigger: "#support_terms_impact:contains('Service down')",
        },
    ],
});
