import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_request_kind", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "The form asks the kind of request",
            trigger: "label[for='category']:contains('Tipo di richiesta')",
        },
        {
            content: "Choose log analysis",
            trigger: "select#category",
            run: "selectByLabel Analisi dei log",
        },
        {
            content: "Its cost is shown before sending, with the credits left",
            trigger:
                "#support_terms_kind_costs .support_terms_kind_cost:not(.d-none):contains('Costa 3 crediti; ne avete 10.')",
        },
        {
            content: "Only the chosen kind's cost is shown",
            trigger:
                "#support_terms_kind_costs:not(:has(.support_terms_kind_cost:not(.d-none):contains('Compresa nel vostro piano')))",
        },
        {
            content: "Write the subject",
            trigger: "input[name='subject']",
            run: "edit Analisi dei log del sito",
        },
        {
            content: "Describe the request",
            trigger: "textarea[name='description']",
            run: "edit Vorrei capire gli errori nei log.",
        },
        {
            content: "Send the request",
            trigger: "button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is extra, paid with credits",
            trigger: "#support_terms_coverage:contains('Extra')",
        },
        {
            content: "Its page repeats the cost",
            trigger: "#support_terms_coverage_cost:contains('Costa 3 crediti; ne avete 10.')",
        },
    ],
});
