import { registry } from "@web/core/registry";

// The portal flows of the rulebook, one role each, in Russian, at the size the test gives
// (desktop and a 390 px phone): see tests/test_portal_tours.py.

function fitsTheScreen(page) {
    return {
        content: `${page}: nothing wider than the screen`,
        trigger: "#wrapwrap",
        run() {
            const width = document.documentElement.scrollWidth;
            if (width > window.innerWidth) {
                throw new Error(`${page} is ${width} px wide on a ${window.innerWidth} px screen`);
            }
        },
    };
}

function saysInRussian(text) {
    return { content: `The page says «${text}»`, trigger: `#wrap:contains('${text}')` };
}

registry.category("web_tour.tours").add("network_portal_file_request", {
    steps: () => [
        {
            content: "From the portal home to the catalogue",
            trigger: "a[href='/my/network/catalogue']",
            run: "click",
        },
        saysInRussian("Каталог опыта"),
        fitsTheScreen("The catalogue"),
        {
            content: "Open the offer from the catalogue",
            trigger: "a:contains('Tour offer: formative assessment')",
            run: "click",
        },
        fitsTheScreen("The offer"),
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
            content: "The request page says it was sent",
            trigger: ".o_network_alert.alert-success:contains('Заявка отправлена')",
        },
        {
            content: "The applicant may cancel it",
            trigger: ".o_network_request_state[data-state=submitted]",
        },
        { trigger: "button.o_network_request_cancel" },
        fitsTheScreen("The request"),
    ],
});

registry.category("web_tour.tours").add("network_portal_accept_request", {
    steps: () => [
        saysInRussian("Заявки на мероприятия"),
        fitsTheScreen("The requests"),
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
            content: "The request is accepted, and the page says so",
            trigger: ".o_network_request_state[data-state=accepted]",
        },
        { trigger: ".o_network_alert.alert-success:contains('Заявка принята')" },
        fitsTheScreen("The accepted request"),
    ],
});

registry.category("web_tour.tours").add("network_portal_register_event", {
    steps: () => [
        {
            content: "From the portal home to the events",
            trigger: "a[href='/my/network/events']",
            run: "click",
        },
        saysInRussian("Сетевые мероприятия"),
        fitsTheScreen("The events"),
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
        { trigger: ".o_network_alert.alert-success:contains('Запись оформлена')" },
        {
            content: "Registered: the registration can be cancelled",
            trigger: "button.o_network_unregister",
        },
        fitsTheScreen("The event"),
        {
            content: "The activity card",
            trigger: "a[href='/my/home']",
            run: "click",
        },
        {
            trigger: "a[href='/my/network/card']",
            run: "click",
        },
        saysInRussian("Карта активности"),
        fitsTheScreen("The activity card"),
    ],
});
