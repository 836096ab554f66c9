package lab.backprop;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BackpropLabApplication {

	public static void main(String[] args) {
		String aotFallBack = SpringAotFit.fallBackWhereUnfit(System.getProperties(), System.getenv(), args);
		SpringApplication.run(BackpropLabApplication.class, args);
		if (aotFallBack != null) {
			LoggerFactory.getLogger(BackpropLabApplication.class).info(aotFallBack);
		}
	}

}
