import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_my_services", {
    url: "/my",
    steps: () => [
        {
            content: "Open My services from the portal home",
            trigger: "a[href='/my/services']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The hosting shows its last day to cancel",
            trigger: ".support_service_row:contains('Hosting annuale'):contains('01/13/2031')",
        },
        {
            content: "Ask to cancel the hosting",
            trigger:
                ".support_service_row:contains('Hosting annuale') a.support_request_cancellation",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says which channels make a cancellation valid",
            trigger: "#support_notice_channels:contains('Registered mail or PEC')",
        },
        {
            content: "Write a message",
            trigger: "textarea[name='note']",
            run: "edit Chiudiamo il sito a fine anno.",
        },
        {
            content: "Send the request",
            trigger: "#support_cancel_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is recorded, with what makes it valid",
            trigger: "#support_new_notice:contains('is recorded'):contains('PEC')",
        },
        {
            content: "The hosting shows the pending request",
            trigger:
                ".support_service_row:contains('Hosting annuale') .badge:contains('Cancellation requested')",
        },
    ],
});
