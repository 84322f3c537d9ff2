/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {stepUtils} from "@web_tour/tour_service/tour_utils";

/**
 * Steps answered by the tours' tests (cs_member/tests/tour_common.py): the
 * tour logs a request, the test does what is asked, then marks the page's
 * body with the request's name and the tour goes on.
 */

function askTheTest(content, trigger, message, name, scrollToTop = false) {
    return [
        {
            content,
            trigger,
        },
        {
            content: `${content}: ask`,
            // the page, not the trigger: the trigger may be a disabled button
            trigger: "body",
            async run() {
                if (scrollToTop) {
                    for (const el of document.querySelectorAll(".o_content")) {
                        el.scrollTop = 0;
                    }
                    window.scrollTo(0, 0);
                }
                await document.fonts.ready;
                await new Promise((resolve) => requestAnimationFrame(resolve));
                console.log(message);
            },
        },
        {
            content: `${content}: done`,
            trigger: `body[data-cs-tour-ack="${name}"]`,
        },
    ];
}

/**
 * A screenshot of the page, scrolled to its top, once `trigger` is shown,
 * saved as docs/screenshots/<name>.png by `make screenshots` (nothing is
 * saved otherwise).
 *
 * @param {string} name file name without extension, [a-z0-9_]+
 * @param {string} trigger what must be on the page first
 * @returns {Object[]} tour steps
 */
export function screenshot(name, trigger) {
    return askTheTest(
        `Screenshot ${name}`,
        trigger,
        `cs_screenshot:${name}`,
        name,
        true
    );
}

/**
 * Wait until the test says that `name` happened on the server (e.g. the
 * report a click asked for was rendered).
 *
 * @param {string} name the test's `tour_signal(name)`, [a-z0-9_]+
 * @returns {Object[]} tour steps
 */
export function waitForTest(name) {
    return askTheTest(`Wait for the server: ${name}`, "body", `cs_wait:${name}`, name);
}

/**
 * From a screen of the Customer Service app to another of its menu items,
 * through the top menu.
 *
 * @param {string} section xml id of the top menu (e.g. "cs_member.menu_cs_customers")
 * @param {string} item xml id of its item (e.g. "cs_member.cs_member_visit_menu")
 * @returns {Object[]} tour steps
 */
export function openMenuItem(section, item) {
    return [
        {
            content: `Open the menu ${section}`,
            trigger: `button[data-menu-xmlid="${section}"]`,
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `a[data-menu-xmlid="${item}"]`,
            run: "click",
        },
    ];
}

/**
 * From the home screen to a menu item of the Customer Service app.
 *
 * @param {string} section xml id of the top menu (e.g. "cs_complaint.menu_cs_complaints")
 * @param {string} item xml id of its item (e.g. "cs_complaint.cs_complaint_menu")
 * @returns {Object[]} tour steps
 */
export function openCustomerServiceMenu(section, item) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: '.o_app[data-menu-xmlid="cs_member.menu_cs_root"]',
            run: "click",
        },
        ...openMenuItem(section, item),
    ];
}
