package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors raised outside JAX-RS (unknown paths, the container's own 401/403/500, a servlet's exception) still answer
 * with problem details; web.xml routes every error page here.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object failure = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : resp.getStatus();
        // Liberty sets an exception for its own 404 too (FileNotFoundException): only a 500 is classified by cause.
        Problem problem = failure instanceof Throwable t && status >= 500
            ? UnexpectedExceptionMapper.problemFor(t)
            : WebApplicationExceptionMapper.problemFor(status, null);
        ProblemResponses.write(resp, problem);
    }
}
