/*
 * Passkeys (WebAuthn) for Khyber Pass pages. Buttons carrying data-passkey="create" or data-passkey="get"
 * run a ceremony: fetch options from data-options-url, call navigator.credentials, post the result as JSON
 * to data-finish-url, then follow the redirect the server answers with (on success, or with a refusal that has
 * a page of its own). Other errors are shown, in the page's language, in the error summary named by
 * data-error-box. No inline script: the pages' CSP forbids it.
 */
(function () {
	'use strict';

	function toBytes(base64url) {
		var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
		while (base64.length % 4) {
			base64 += '=';
		}
		var binary = atob(base64);
		var bytes = new Uint8Array(binary.length);
		for (var i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes;
	}

	function toBase64url(buffer) {
		var bytes = new Uint8Array(buffer);
		var binary = '';
		for (var i = 0; i < bytes.length; i++) {
			binary += String.fromCharCode(bytes[i]);
		}
		return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}

	function descriptors(list) {
		return (list || []).map(function (d) {
			return { type: d.type, id: toBytes(d.id), transports: d.transports };
		});
	}

	function post(button, url, body) {
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
		headers[button.dataset.csrfHeader] = button.dataset.csrf;
		return fetch(url, {
			method: 'POST',
			credentials: 'same-origin',
			headers: headers,
			body: JSON.stringify(body || {})
		}).then(function (response) {
			return response.json().then(function (json) {
				return { ok: response.ok, body: json };
			}, function () {
				return { ok: false, body: { error: 'refused' } };
			});
		});
	}

	function showError(button, code) {
		var box = document.getElementById(button.dataset.errorBox);
		var key = 'error' + code.charAt(0).toUpperCase() + code.slice(1);
		box.querySelector('[data-error-text]').textContent = button.dataset[key] || button.dataset.errorRefused;
		box.hidden = false;
		box.focus();
		button.disabled = false;
	}

	// A refusal may name a page of its own too (the sign-in page saying a forced password reset waits for
	// recovery): the server's redirect is followed either way.
	function finish(button, result) {
		if (result.body.redirect) {
			window.location.assign(result.body.redirect);
		}
		else {
			showError(button, result.body.error || 'refused');
		}
	}

	function create(button) {
		var nameField = document.getElementById(button.dataset.nameInput);
		var name = nameField.value.trim();
		if (!name || name.length > 64) {
			showError(button, 'name');
			return;
		}
		post(button, button.dataset.optionsUrl).then(function (options) {
			var publicKey = options.body;
			publicKey.challenge = toBytes(publicKey.challenge);
			publicKey.user.id = toBytes(publicKey.user.id);
			publicKey.excludeCredentials = descriptors(publicKey.excludeCredentials);
			return navigator.credentials.create({ publicKey: publicKey });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, button.dataset.finishUrl, {
				name: name,
				credential: {
					rawId: toBase64url(credential.rawId),
					response: {
						clientDataJSON: toBase64url(response.clientDataJSON),
						attestationObject: toBase64url(response.attestationObject),
						transports: response.getTransports ? response.getTransports() : []
					}
				}
			});
		}).then(function (result) {
			finish(button, result);
		}, function () {
			showError(button, 'cancelled');
		});
	}

	function get(button) {
		post(button, button.dataset.optionsUrl).then(function (options) {
			var publicKey = options.body;
			publicKey.challenge = toBytes(publicKey.challenge);
			publicKey.allowCredentials = descriptors(publicKey.allowCredentials);
			return navigator.credentials.get({ publicKey: publicKey });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, button.dataset.finishUrl, {
				rawId: toBase64url(credential.rawId),
				response: {
					clientDataJSON: toBase64url(response.clientDataJSON),
					authenticatorData: toBase64url(response.authenticatorData),
					signature: toBase64url(response.signature),
					userHandle: response.userHandle ? toBase64url(response.userHandle) : null
				}
			});
		}).then(function (result) {
			finish(button, result);
		}, function () {
			showError(button, 'cancelled');
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
			return;
		}
		document.querySelectorAll('[data-passkey-unsupported]').forEach(function (note) {
			note.hidden = true;
		});
		document.querySelectorAll('[data-passkey]').forEach(function (button) {
			button.closest('[data-passkey-section]').hidden = false;
			button.addEventListener('click', function (event) {
				event.preventDefault();
				button.disabled = true;
				document.getElementById(button.dataset.errorBox).hidden = true;
				if (button.dataset.passkey === 'create') {
					create(button);
				}
				else {
					get(button);
				}
			});
		});
	});
}());
