import { registry } from "@web/core/registry";

// The three portal flows of the rulebook, each in one role: see tests/test_portal_tours.py.

registry.category("web_tour.tours").add("network_portal_file_request", {
    steps: () => [
        {
            content: "Open the offer from the catalogue",
            trigger: "a:contains('Tour offer: formative assessment')",
            run: "click",
        },
        {
            content: "Plan the participants",
            trigger: "input[name=participants_planned]",
            run: "edit 12",
        },
        {
            content: "Say what the school wants",
            trigger: "textarea[name=comment]",
            run: "edit Для учителей начальных классов",
        },
        {
            content: "Send the request",
            trigger: "button.o_network_request_submit",
            run: "click",
        },
        {
            content: "The request page: the applicant may cancel it",
            trigger: ".o_network_request_state[data-state=submitted]",
        },
        {
            trigger: "button.o_network_request_cancel",
        },
    ],
});

registry.category("web_tour.tours").add("network_portal_accept_request", {
    steps: () => [
        {
            content: "Open the request awaiting our answer",
            trigger: "tr.table-warning a[href^='/my/network/requests/']",
            run: "click",
        },
        {
            content: "Accept it",
            trigger: "button.o_network_request_accept",
            run: "click",
        },
        {
            content: "The request is accepted",
            trigger: ".o_network_request_state[data-state=accepted]",
        },
    ],
});

registry.category("web_tour.tours").add("network_portal_register_event", {
    steps: () => [
        {
            content: "Open the upcoming event",
            trigger: "a:contains('Tour event: open lesson')",
            run: "click",
        },
        {
            content: "Register",
            trigger: "button.o_network_register",
            run: "click",
        },
        {
            content: "Registered: the registration can be cancelled",
            trigger: "button.o_network_unregister",
        },
    ],
});
