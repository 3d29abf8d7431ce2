import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("support_terms_portal_cancellation", {
    url: "/my/services",
    steps: () => [
        {
            content: "The service not started yet offers no cancellation",
            trigger:
                ".support_service_row:contains('Sito vetrina Gino'):not(:has(a.support_request_cancellation))",
        },
        {
            content: "Ask to cancel the hosting",
            trigger:
                ".support_service_row:contains('Hosting Gino') a.support_request_cancellation",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The provider's PEC",
            trigger: "#support_provider_pec:contains('disdette@pec.provider.example')",
        },
        {
            content: "The provider's postal address",
            trigger: "#support_provider_postal_address:contains('Via dei Servizi 12')",
        },
        {
            content: "The notice to download, filled in",
            trigger: "a#support_cancellation_letter[href$='/cancellation-notice']",
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
            content: "The request is recorded",
            trigger: "#support_new_notice:contains('is recorded')",
        },
    ],
});
