"""What the JSON-RPC tests share: the web client's own call
(``/web/dataset/call_kw``) as a logged-in user, and whether the server
refused it with one of its rules' errors."""

from odoo.tests.common import JsonRpcException


class RpcCallsMixin:
    """Mixed into an ``HttpCase`` before it."""

    def _login(self, user):
        # the admin's password is the demo's or the test database's; the
        # test users' is their login (new_test_user)
        password = "admin" if user == self.env.ref("base.user_admin") else user.login
        self.authenticate(user.login, password)

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _refusal(self, model, method, *args, **kwargs):
        """None when the server refuses the call with one of its rules'
        errors (access, user error, validation), else what happened
        instead."""
        try:
            self._call(model, method, *args, **kwargs)
        except JsonRpcException as error:
            # a refusal of the rules, not a crash of the server
            if str(error).startswith("odoo.exceptions."):
                return None
            return f"crashed with {error}"
        return "accepted"

    def assertRefused(self, model, method, *args, **kwargs):
        problem = self._refusal(model, method, *args, **kwargs)
        self.assertIsNone(problem, f"{model}.{method}{args}: {problem}")

    def assertWritesRefused(self, writes, users):
        """Each of ``users`` (``{role: user}``) writes each of ``writes``
        (``[(record, values)]``) over JSON-RPC: every write is refused, and
        the records are unchanged."""
        before = [self._snapshot(record, vals) for record, vals in writes]
        accepted = []
        for role, user in users.items():
            self._login(user)
            for record, vals in writes:
                problem = self._refusal(record._name, "write", record.ids, vals)
                if problem:
                    accepted.append(f"{role}: {record._name} {vals} {problem}")
        self.assertEqual(accepted, [], "protected writes that passed")
        after = [self._snapshot(record, vals) for record, vals in writes]
        self.assertEqual(before, after)

    def _snapshot(self, record, fnames):
        record.invalidate_recordset()
        return {fname: record[fname] for fname in fnames}
