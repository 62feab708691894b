Console.WriteLine("Ingestor");
