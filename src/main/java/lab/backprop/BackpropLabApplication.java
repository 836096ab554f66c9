package lab.backprop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BackpropLabApplication {

	public static void main(String[] args) {
		SpringApplication.run(BackpropLabApplication.class, args);
	}

}
