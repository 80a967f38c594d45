"""CourseKit's Jupyter kernel against the reference conformance suite (jupyter_kernel_test) and a
real Jupyter client (jupyter_client): execute, streams, display, completion, is_complete, errors,
interrupt, shutdown. Run by scripts/test.sh with JUPYTER_PATH pointing at the installed kernelspec."""

import os
import subprocess
import tempfile
import time
import unittest

import jupyter_client
import jupyter_client.kernelspec
import jupyter_kernel_test


class CourseKitKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = ".net-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("an error line");'
    completion_samples = [{"text": "Console.Writ", "matches": {"Write", "WriteLine"}}]
    complete_code_samples = ["1 + 1", "var x = 3;", "class C { }"]
    incomplete_code_samples = ["if (true) {", "var items = new[] {1,", "class C {"]
    code_generate_error = 'throw new InvalidOperationException("raised on purpose");'
    code_execute_result = [{"code": "6 * 7", "result": "42"}, {"code": "\"text\"", "result": "text"}]
    code_display_data = [{"code": 'display("shown");', "mime": "text/plain"}]


class CourseKitKernelBehaviour(unittest.TestCase):
    """What the conformance suite does not cover: interrupt, display updates, compile errors, state."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = jupyter_client.manager.start_new_kernel(kernel_name=".net-csharp", startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def run_cell(self, code, timeout=120):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
        return reply["content"], [o for o in outputs if o["msg_type"] not in ("status", "execute_input")]

    def test_state_carries_over_between_cells(self):
        self.run_cell("var carried = 20;")
        reply, outputs = self.run_cell("carried + 1")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "21")

    def test_compile_error_names_line_and_column(self):
        reply, outputs = self.run_cell("int x = ;")
        self.assertEqual(reply["status"], "error")
        errors = [o for o in outputs if o["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("CS1525", errors[0]["content"]["evalue"])
        self.assertIn("(1,9)", errors[0]["content"]["evalue"])

    def test_display_update_keeps_its_display_id(self):
        reply, outputs = self.run_cell('using Microsoft.DotNet.Interactive;\nvar shown = KernelInvocationContext.Current.Display("first");\nshown.Update("second");')
        self.assertEqual(reply["status"], "ok")
        shown = [o for o in outputs if o["msg_type"] == "display_data"]
        updated = [o for o in outputs if o["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updated), 1)
        self.assertEqual(shown[0]["content"]["transient"]["display_id"], updated[0]["content"]["transient"]["display_id"])
        self.assertEqual(updated[0]["content"]["data"]["text/plain"], "second")

    def test_interrupt_stops_a_cell_that_checks_cancellation(self):
        code = ("var token = Microsoft.DotNet.Interactive.KernelInvocationContext.Current.CancellationToken;\n"
                "while (true) { token.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(10); }")
        msg_id = self.kc.execute(code)
        time.sleep(3)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=60)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(time.monotonic() - started, 30)
        after, outputs = self.run_cell("1 + 2")
        self.assertEqual(after["status"], "ok")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "3")

    def test_a_malformed_request_gets_an_error_reply_and_the_kernel_goes_on(self):
        msg = self.kc.session.msg("complete_request", {"code": "Console.", "cursor_pos": "not a number"})
        self.kc.shell_channel.send(msg)
        reply = self.kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
            reply = self.kc.get_shell_msg(timeout=60)
        self.assertEqual(reply["msg_type"], "complete_reply")
        self.assertEqual(reply["content"]["status"], "error")
        after, outputs = self.run_cell("2 + 2")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "4")

    def test_nuget_reference_restores_a_package(self):
        reply, outputs = self.run_cell('#r "nuget: Humanizer.Core, 2.14.1"\nusing Humanizer;\n"some_words".Humanize()', timeout=300)
        self.assertEqual(reply["status"], "ok", outputs)
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(results[-1]["content"]["data"]["text/plain"], "some words")


class CourseKitKernelLifetime(unittest.TestCase):
    def test_the_kernel_exits_when_its_front_end_dies(self):
        spec = jupyter_client.kernelspec.KernelSpecManager().get_kernel_spec(".net-csharp")
        quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}
        front_end = subprocess.Popen(["sleep", "600"], **quiet)
        kernel = None
        with tempfile.TemporaryDirectory() as folder:
            connection_file, info = jupyter_client.connect.write_connection_file(os.path.join(folder, "connection.json"))
            argv = [a.replace("{connection_file}", connection_file) for a in spec.argv]
            client = jupyter_client.BlockingKernelClient(connection_file=connection_file)
            client.load_connection_file()
            try:
                kernel = subprocess.Popen(argv, env={**os.environ, "JPY_PARENT_PID": str(front_end.pid)}, **quiet)
                client.start_channels(hb=False)  # liveness is what is under test: watch the process, not the heartbeat
                client.wait_for_ready(timeout=120)
                self.assertIsNone(kernel.poll())
                front_end.kill()
                front_end.wait()
                kernel.wait(timeout=20)  # raises TimeoutExpired when the kernel outlives its front end
                self.assertEqual(kernel.returncode, 0)
            finally:
                client.stop_channels()
                front_end.kill()
                if kernel is not None and kernel.poll() is None:
                    kernel.kill()

if __name__ == "__main__":
    unittest.main()
