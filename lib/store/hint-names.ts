// Cookies the header reads in the browser to show the visitor's cart count and account link (components/layout/
// personal-links.tsx), so that catalogue pages are the same HTML for everyone and the page cache can serve them to
// shoppers with a cart or a session too. They are hints, not credentials: the cart and the session themselves stay in
// their HttpOnly cookies, and every page that acts on them reads those.

/** Units in this browser's cart, as of its last change through this browser. */
export const CART_HINT_COOKIE = 'sf_cart_items';
/** "1" while this browser holds a session. */
export const SESSION_HINT_COOKIE = 'sf_signed_in';
