import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_home_counters", {
    url: "/my",
    steps: () => [
        {
            content: "The requests card counts the open requests",
            trigger: "a[href='/my/tickets'] .support_home_counter:contains('2 open requests')",
        },
        {
            content: "My services counts the services expiring soon",
            trigger: "a[href='/my/services'] .support_home_counter:contains('1 expiring soon')",
        },
        {
            content: "My support counts the credits left",
            trigger: "a[href='/my/support'] .support_home_counter:contains('12 credits left')",
        },
        {
            content: "The invoices card gives the amount due",
            trigger: "a[href='/my/invoices?filterby=invoices'] .support_home_counter:contains('Amount due'):contains('82.50')",
        },
        {
            content: "Open My services",
            trigger: "a[href='/my/services']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The expiring hosting is listed",
            trigger: ".support_service_row:contains('Hosting Gino')",
        },
    ],
});
