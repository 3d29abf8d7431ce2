import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_urgent_ticket", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "The urgency terms of the customer's plan stand beside the choice",
            trigger: "#support_terms_urgency_terms:contains('Sundays included')",
        },
        {
            content: "Write the subject",
            trigger: "input[name='subject']",
            run: "edit Sito bloccato",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit Il sito risponde con errore 500.",
        },
        {
            content: "Ask for urgent handling",
            trigger: "input#urgent",
            run: "click",
        },
        {
            content: "Send the request",
            trigger: "button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The ticket is urgent",
            trigger: "#support_terms_urgent .badge:contains('Urgent')",
        },
        {
            content: "Its deadline is shown",
            trigger: "#support_terms_deadline span:not(:empty)",
        },
    ],
});
