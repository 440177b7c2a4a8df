// The login page: carries ?next= (where to go after signing in) into the form, and shows
// the error after a wrong password (?error=1). The form itself posts without script.

const parameters = new URLSearchParams(location.search);
const next = parameters.get('next') ?? '/';
// Only a path on this server: never "//elsewhere" or "https://…".
document.getElementById('next').value = next.startsWith('/') && !next.startsWith('//') ? next : '/';
document.getElementById('login-error').hidden = parameters.get('error') === null;
